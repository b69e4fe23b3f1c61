// Checks for the Emergency Kit step of setup. Rust decides both for real (it checks the 6
// characters again before creating the vault, and names the synced folder); these only shape what
// the page says.

/** Whether `typed` (spaces ignored, any case) is the last 6 characters of `recoveryKey`. */
export function matchesLastSix(recoveryKey: string, typed: string): boolean {
  const cleaned = typed.replace(/\s+/g, "").toUpperCase();
  return cleaned.length === 6 && recoveryKey.replace(/\s+/g, "").toUpperCase().endsWith(cleaned);
}

/**
 * The warning for a kit saved in a folder that cloud sync usually copies. `place` is what Rust
 * named: a service ("OneDrive", "Dropbox", "Google Drive", "iCloud Drive") or a folder
 * ("Documents", "Desktop") that those services back up by default.
 */
export function cloudWarning(place: string): string {
  if (place === "Documents" || place === "Desktop") {
    return `You saved the kit in your ${place} folder, which OneDrive (Windows) and iCloud (Mac) often copy to the internet. Print it, then delete the saved copy, or save it on a USB stick instead.`;
  }
  return `You saved the kit in a ${place} folder, which is copied to the internet. Print it, then delete the saved copy, or save it on a USB stick instead.`;
}
