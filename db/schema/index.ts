export * from "./accounts";
export * from "./activity";
export * from "./ended-sessions";
export * from "./licences";
export * from "./sign-in-throttles";
export * from "./users";
