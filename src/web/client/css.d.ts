// Style sheets imported by the browser scripts; esbuild bundles them into a .css file beside each script.
declare module '*.css';
