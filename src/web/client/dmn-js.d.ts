// dmn-js ships no type declarations; dmn-editor.ts describes the part of its API it uses.
declare module 'dmn-js/lib/Modeler';
