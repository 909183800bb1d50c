/** How long an object URL outlives the click that started its download. */
const REVOKE_AFTER_MS = 10_000;

/**
 * Hands bytes to the browser as a download named `fileName`: an object URL behind a temporary
 * <a download>. (A bare link to the API cannot work: the file needs the bearer token.)
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // revoking at once can cancel the download in some browsers
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
