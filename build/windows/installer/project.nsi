Unicode true

####
## The Redshift Mate installer: per user (no administrator rights), into
## %LOCALAPPDATA%\Programs\Redshift Mate, with Start-menu and desktop shortcuts,
## the WebView2 runtime bootstrapped when missing, and a clean uninstaller.
##
## Built by scripts/package.sh:
##   makensis -WX -DARG_WAILS_AMD64_BINARY=<app.exe> -DINFO_PRODUCTVERSION=<git describe>
##            -DINFO_NUMVERSION=<a.b.c.d> -DOUTFILE=<setup.exe> project.nsi
## with the WebView2 bootstrapper copied to tmp\MicrosoftEdgeWebview2Setup.exe.
####
!define INFO_PROJECTNAME    "redshift-mate"
!define INFO_COMPANYNAME    "Redshift Mate"
!define INFO_PRODUCTNAME    "Redshift Mate"
!define INFO_COPYRIGHT      "Redshift Mate"
!ifndef INFO_PRODUCTVERSION
    !error "define INFO_PRODUCTVERSION (the version string)"
!endif
!ifndef INFO_NUMVERSION
    !error "define INFO_NUMVERSION (a.b.c.d)"
!endif
!ifndef OUTFILE
    !define OUTFILE "..\..\bin\redshift-mate-amd64-setup.exe"
!endif
!define PRODUCT_EXECUTABLE  "redshift-mate.exe"
!define UNINST_KEY_NAME     "RedshiftMate"
!define REQUEST_EXECUTION_LEVEL "user"

!include "wails_tools.nsh"

VIProductVersion "${INFO_NUMVERSION}"
VIFileVersion    "${INFO_NUMVERSION}"
VIAddVersionKey "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey "FileDescription" "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey "ProductName"     "${INFO_PRODUCTNAME}"

ManifestDPIAware true

!include "MUI2.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${INFO_PRODUCTNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Name "${INFO_PRODUCTNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${INFO_PRODUCTNAME}"
InstallDirRegKey HKCU "Software\${UNINST_KEY_NAME}" "InstallDir"
ShowInstDetails show
ShowUninstDetails show

!define UNINST_KEY_HKCU "Software\Microsoft\Windows\CurrentVersion\Uninstall\${UNINST_KEY_NAME}"

# WebView2 is installed when neither the machine-wide nor the per-user runtime
# exists. (wails.webview2runtime reads the per-user key under a misspelt path,
# "Clients{…}" without a backslash, so a per-user runtime would go unseen.)
!macro rsmate.webview2runtime
    SetRegView 64
    ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" "pv"
    StrCmp $0 "" 0 webview2_ok
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" "pv"
    StrCmp $0 "" 0 webview2_ok
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" "pv"
    StrCmp $0 "" 0 webview2_ok
    DetailPrint "Installing: WebView2 Runtime"
    InitPluginsDir
    CreateDirectory "$PLUGINSDIR\webview2bootstrapper"
    SetOutPath "$PLUGINSDIR\webview2bootstrapper"
    File "tmp\MicrosoftEdgeWebview2Setup.exe"
    ExecWait '"$PLUGINSDIR\webview2bootstrapper\MicrosoftEdgeWebview2Setup.exe" /silent /install'
    webview2_ok:
!macroend

Function .onInit
    !insertmacro wails.checkArchitecture
FunctionEnd

Section
    SetShellVarContext current
    !insertmacro rsmate.webview2runtime

    SetOutPath $INSTDIR
    !insertmacro wails.files

    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
    CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"

    WriteUninstaller "$INSTDIR\uninstall.exe"
    WriteRegStr HKCU "Software\${UNINST_KEY_NAME}" "InstallDir" "$INSTDIR"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "DisplayName" "${INFO_PRODUCTNAME}"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "DisplayVersion" "${INFO_PRODUCTVERSION}"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "Publisher" "${INFO_COMPANYNAME}"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "DisplayIcon" "$INSTDIR\${PRODUCT_EXECUTABLE}"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
    WriteRegStr HKCU "${UNINST_KEY_HKCU}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
    WriteRegDWORD HKCU "${UNINST_KEY_HKCU}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINST_KEY_HKCU}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD HKCU "${UNINST_KEY_HKCU}" "EstimatedSize" "$0"
SectionEnd

# Removes what the installer wrote. The user's connections, audit log and app
# log (%APPDATA%\redshift-mate, %LOCALAPPDATA%\redshift-mate) are their data
# and stay; passwords stay in Windows Credential Manager.
Section "uninstall"
    SetShellVarContext current
    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    RMDir /r "$APPDATA\${PRODUCT_EXECUTABLE}" # the WebView2 cache Wails keeps per executable
    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"
    DeleteRegKey HKCU "${UNINST_KEY_HKCU}"
    DeleteRegKey HKCU "Software\${UNINST_KEY_NAME}"
SectionEnd
