export { NarrowPageLoading as default } from "@/components/page-loading";
