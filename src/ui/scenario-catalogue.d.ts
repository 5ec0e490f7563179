/** The build-time scenario catalogue (scripts/vite-plugin-catalogue.ts). */
declare module 'virtual:scenario-catalogue' {
  const entries: import('../engine/presentation/catalogue.ts').CatalogueEntry[];
  export default entries;
  export const courses: import('../engine/presentation/course-catalogue.ts').CourseCard[];
}
