// Where the viewer's own files are (viewer.css sits next to this module).
// The classic-script build replaces this module with document.currentScript.
export function base() {
  return import.meta.url;
}
