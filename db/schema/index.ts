export * from "./users";
export * from "./auth";
export * from "./audit";
export * from "./mail";
