// Vite's `?raw` imports: a message file's text (src/i18n.ts).
declare module "*.ftl?raw" {
  const text: string;
  export default text;
}
