; Inno Setup script: Tandem's Windows installer (Inno Setup 6.3 or later).
; Build the frozen app and the icons first (packaging/README.md), then, from
; the repository root:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\tandem.iss
;
; makes build\Tandem-0.1.0-setup.exe: installs build\dist\tandem\ into Program
; Files (or, chosen by the user, for them alone), a Start-menu entry, and the
; .tandem file type, so that double-clicking a plan opens it in Tandem.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 packaging\windows\tandem.iss
#endif
#define Root "..\.."

[Setup]
; The installer's identity: never change it, or updates install beside old copies.
AppId={{6F1C2B9E-4A7D-4E55-9B1E-54616E64656D}
AppName=Tandem
AppVersion={#AppVersion}
AppVerName=Tandem {#AppVersion}
AppPublisher=The Tandem developers
AppPublisherURL=https://tandem-planner.org/
DefaultDirName={autopf}\Tandem
DefaultGroupName=Tandem
DisableProgramGroupPage=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#Root}\build
OutputBaseFilename=Tandem-{#AppVersion}-setup
SetupIconFile={#Root}\build\icons\tandem.ico
UninstallDisplayIcon={app}\tandem.exe
LicenseFile={#Root}\packaging\windows\license.txt
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\build\dist\tandem\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\build\icons\tandem-plan.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\Tandem"; Filename: "{app}\tandem.exe"; Comment: "Plan two ambitious careers together"
Name: "{autodesktop}\Tandem"; Filename: "{app}\tandem.exe"; Tasks: desktopicon

[Registry]
; HKA: the machine's classes for an install for everybody, the user's otherwise.
Root: HKA; Subkey: "Software\Classes\.tandem"; ValueType: string; ValueName: ""; ValueData: "Tandem.Plan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.tandem"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-tandem-plan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.tandem\OpenWithProgids"; ValueType: string; ValueName: "Tandem.Plan"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Tandem.Plan"; ValueType: string; ValueName: ""; ValueData: "Tandem plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Tandem.Plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\tandem-plan.ico"
Root: HKA; Subkey: "Software\Classes\Tandem.Plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\tandem.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\tandem.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Tandem"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\tandem.exe\SupportedTypes"; ValueType: string; ValueName: ".tandem"; ValueData: ""

[Run]
Filename: "{app}\tandem.exe"; Description: "{cm:LaunchProgram,Tandem}"; Flags: nowait postinstall skipifsilent
