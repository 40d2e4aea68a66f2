export { WidePageLoading as default } from "@/components/page-loading";
