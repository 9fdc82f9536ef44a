; Inno Setup 6 script: a per-user installer of the Coordina bundle (dist\coordina\).
; No administrator rights: it installs into %LOCALAPPDATA%\Programs\Coordina and adds a
; Start-menu entry. Coordina keeps its data, settings and logs in %LOCALAPPDATA%\Coordina
; (app/services/system/app_paths.py), never in the installation folder, so an update or an
; uninstall replaces the program and leaves the data alone.
;
; Built by packaging/README.md ("Windows"), from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\coordina.iss
; and, to sign the installer and the uninstaller it carries, with a sign tool named
; "coordina" (the signtool command line of packaging/README.md):
;   iscc /DAppVersion=0.1.0 /DSign "/Scoordina=signtool sign /fd SHA256 ... $f" packaging\windows\coordina.iss

#ifndef AppVersion
  #error Pass the version of app/__init__.py: iscc /DAppVersion=X.Y.Z packaging\windows\coordina.iss
#endif
#define AppName "Coordina"
#define AppExe "coordina.exe"
#define BundleDir "..\..\dist\coordina"

[Setup]
; The AppId ties updates and the uninstaller to one product: never change it.
AppId={{6C0F3E52-7A43-4C4B-9D6E-2B1C8E5F9A17}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=IMSS-BIENESTAR
VersionInfoVersion={#AppVersion}
; Per user, without elevation: {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\..\resources\icons\coordina.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename=coordina-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Coordina before replacing its files (it holds its database open).
CloseApplications=yes
RestartApplications=no
#ifdef Sign
SignTool=coordina
SignedUninstaller=yes
#endif

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: coordina.exe (windowed), coordina-cli.exe (console), _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update must not keep libraries the new version no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] of %LOCALAPPDATA%\Coordina: a coordinator's database, keys and
; backups outlive the program (packaging/README.md says how to remove them by hand).
