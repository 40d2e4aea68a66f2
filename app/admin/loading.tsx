export { default } from "@/app/(dashboard)/dashboard/loading";
