// The package ships no types for its per-dictionary files; this is the one we import directly.
declare module "@zxcvbn-ts/language-common/dist/passwords.json.mjs" {
  const passwords: string[];
  export default passwords;
}
