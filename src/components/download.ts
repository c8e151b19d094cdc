// Saving text as a file from the page, one way for every download button (reports, LP text, chart CSV).

/**
 * Downloads `text` as a file named `name`: a blob: URL opened by a programmatic click on an
 * <a download> (a navigation, not a fetch, so the CSP's connect-src does not apply).
 */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
