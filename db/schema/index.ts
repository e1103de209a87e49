export * from "./accounts";
export * from "./activity";
export * from "./ended-sessions";
export * from "./groups";
export * from "./licences";
export * from "./permissions";
export * from "./sign-in-throttles";
export * from "./users";
