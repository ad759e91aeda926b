; Inno Setup script: the Windows installer of the frozen app. Build the folder first on Windows
; (python packaging\build.py), then, from the repository's root:
;
;   iscc /DAppVersion=0.1.0 packaging\jiebei-tracker.iss
;
; It installs dist\jiebei-tracker\ (jiebei-tracker.exe for the window, jiebei-tracker-cli.exe for the command
; line, _internal\) per user, with a Start menu entry and an uninstaller, and writes
; dist\jiebei-tracker-<version>-windows-setup.exe. Not built or tested by CI (only the Linux build is).

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z packaging\jiebei-tracker.iss
#endif

[Setup]
AppId={{io.github.jiebei_tracker}
AppName=Jiebei Tracker
AppVerName=Jiebei Tracker {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=The Jiebei Tracker developers
DefaultDirName={autopf}\Jiebei Tracker
DefaultGroupName=Jiebei Tracker
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=jiebei-tracker-{#AppVersion}-windows-setup
SetupIconFile=..\build\frozen\icons\jiebei-tracker.ico
UninstallDisplayIcon={app}\jiebei-tracker.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\jiebei-tracker\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Jiebei Tracker"; Filename: "{app}\jiebei-tracker.exe"
Name: "{group}\{cm:UninstallProgram,Jiebei Tracker}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Jiebei Tracker"; Filename: "{app}\jiebei-tracker.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\jiebei-tracker.exe"; Description: "{cm:LaunchProgram,Jiebei Tracker}"; Flags: nowait postinstall skipifsilent
