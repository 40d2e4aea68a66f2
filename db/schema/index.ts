export * from "./users";
export * from "./accounts";
export * from "./auth";
export * from "./audit";
export * from "./mail";
export * from "./notifications";
export * from "./files";
