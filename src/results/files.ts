/** Saving a text file to the user's device. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name-safe date stamp such as 2026-03-01-0930. */
export function stamp(date = new Date()): string {
  return date.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
}
