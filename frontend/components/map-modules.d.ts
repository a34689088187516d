// Packages the outreach map uses without type declarations of their own.
declare module 'leaflet';
declare module 'leaflet/dist/leaflet.css?inline' {
  const css: string;
  export default css;
}
declare module 'topojson-client';
declare module 'zipcodes';
declare module 'us-atlas/states-10m.json';
declare module 'us-atlas/counties-10m.json';
