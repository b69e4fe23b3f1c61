; Safekeeper's Windows installer, built by .dev/build-windows.sh with Debian's makensis.
; Per user: no administrator rights, installs under the user's own programs folder, adds a
; Start-menu entry and an entry in "Installed apps". The uninstaller removes the program only: the
; records folder is never touched.
;
; Defined on the makensis command line: VERSION, EXE (safekeeper.exe), LOADER (WebView2Loader.dll),
; ICON (icon.ico), OUTFILE.

; A 64-bit installer for a 64-bit app (and one Debian's 64-bit-only Wine can run to check it).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!define PRODUCT "Safekeeper"
!define IDENTIFIER "uk.org.safekeeper.desktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
; Microsoft's id for the Evergreen WebView2 Runtime, which Safekeeper's windows are drawn with.
!define WEBVIEW2_ID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "FileDescription" "${PRODUCT} installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "AGPL-3.0-or-later"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TITLE "Install ${PRODUCT} ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "${PRODUCT} keeps your charity's online-safety records on this computer, locked with your passphrase.$\r$\n$\r$\nIt installs for you only and needs no administrator rights.$\r$\n$\r$\nIf an older version is installed, it is replaced and your records are kept."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\safekeeper.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${PRODUCT} now"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "This removes the ${PRODUCT} program from this computer.$\r$\n$\r$\nYour records are NOT deleted: the records folder ($LOCALAPPDATA\${IDENTIFIER}) is left exactly as it is, so you can install ${PRODUCT} again and unlock them, or restore them from a backup. To delete the records too, delete that folder yourself after you have made and checked a backup."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

Section "${PRODUCT}" Main
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=safekeeper.exe" "${EXE}"
  File "/oname=WebView2Loader.dll" "${LOADER}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\safekeeper.exe" "" "$INSTDIR\safekeeper.exe" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\safekeeper.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  ; Windows 11 and an up-to-date Windows 10 have the WebView2 Runtime; say so plainly if not.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  StrCmp $0 "" 0 webview_found
  ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  StrCmp $0 "" 0 webview_found
  IfSilent webview_found
  MessageBox MB_OK|MB_ICONINFORMATION "${PRODUCT} is installed, but this computer does not seem to have Microsoft Edge WebView2 Runtime, which ${PRODUCT} needs to show its windows. Run Windows Update, or install WebView2 Runtime from Microsoft's website, then open ${PRODUCT}."
  webview_found:
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$INSTDIR\safekeeper.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "Your records were not deleted. They are still in $LOCALAPPDATA\${IDENTIFIER}."
SectionEnd
