// Checks for the Emergency Kit step of setup. Rust decides both for real (it checks the 6
// characters again before creating the vault, and names the synced folder); these only shape what
// the page says.

/** Whether `typed` (spaces ignored, any case) is the last 6 characters of `recoveryKey`. */
export function matchesLastSix(recoveryKey: string, typed: string): boolean {
  const cleaned = typed.replace(/\s+/g, "").toUpperCase();
  return cleaned.length === 6 && recoveryKey.replace(/\s+/g, "").toUpperCase().endsWith(cleaned);
}

/**
 * Where the last 6 characters sit in the key as shown in groups. A real key's last group holds
 * only 2 characters, so the 6 straddle a space; people counted that space as one of the 6 and were
 * told "You entered 5". Saying which groups they come from, and that spaces do not count, settles it.
 */
export function lastSixPlace(groups: string[]): string {
  const last = groups.at(-1)?.replace(/\s+/g, "") ?? "";
  if (last.length === 6) return "They are the whole of the last group.";
  if (last.length > 6) return "They are the last 6 of the last group.";
  const before = 6 - last.length;
  return `They are the last ${before} of the group before last, then the ${last.length} of the last group. Spaces do not count.`;
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
