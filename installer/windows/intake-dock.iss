; Inno Setup 6 script: the Windows setup program for the dock application.
;
; installer/build.py --setup compiles it with the defines below (see BUILD.md); by hand:
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\src\intake-dock\dist\intake-dock ^
;        /DOutputDir=C:\src\intake-dock\dist /DIconFile=C:\src\intake-dock\build\icons\intake-dock.ico ^
;        installer\windows\intake-dock.iss
;
; What it does: copies the frozen bundle to Program Files, a Start-menu entry (and, if asked, a
; desktop one) for intake-app.exe, puts the folder on the PATH so `intake` works in any console.
; What it never does: touch a user's station database and settings. They live in
; %LOCALAPPDATA%\intake-dock\intake-dock (platformdirs), are kept by upgrades and by uninstalling,
; and the application migrates the database (after a backup copy) on its first start.

#ifndef AppVersion
  #error Pass /DAppVersion=<intake_app.__version__> (installer/build.py --setup does)
#endif
#ifndef BundleDir
  #error Pass /DBundleDir=<the folder dist\intake-dock made by installer/build.py>
#endif
#ifndef OutputDir
  #define OutputDir "."
#endif

[Setup]
; The AppId identifies the installed application for upgrades and uninstalling: never change it.
AppId={{3B0E7A52-6C1D-4F8E-9A57-2E4C8D1F6B90}
AppName=Intake dock
AppVersion={#AppVersion}
AppVerName=Intake dock {#AppVersion}
AppPublisher=Intake dock
DefaultDirName={autopf}\Intake dock
DefaultGroupName=Intake dock
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=intake-dock-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes
; An upgrade first closes a running intake-app (it saves nothing unsaved: every scan is committed).
CloseApplications=yes
UninstallDisplayIcon={app}\intake-app.exe
#ifdef IconFile
SetupIconFile={#IconFile}
#endif

[Languages]
; Inno Setup ships no Swedish wizard texts; add a Swedish.isl from jrsoftware.org/files/istrans here.
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's libraries: the new bundle brings its own complete set.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Intake dock"; Filename: "{app}\intake-app.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\Intake dock"; Filename: "{app}\intake-app.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; `intake` on the PATH of every console started after the installation.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\intake-app.exe"; Description: "{cm:LaunchProgram,Intake dock}"; Flags: nowait postinstall skipifsilent

[Code]
const
  EnvKey = 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment';

{ True when Dir is not yet one of the PATH's entries (compared whole and case-blind). }
function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKLM, EnvKey, 'Path', Paths) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;

{ Uninstalling takes the folder off the PATH again, and nothing else. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Paths, Padded, Dir: string;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKLM, EnvKey, 'Path', Paths) then
    exit;
  Dir := ExpandConstant('{app}');
  Padded := ';' + Paths + ';';
  P := Pos(';' + Uppercase(Dir) + ';', Uppercase(Padded));
  if P = 0 then
    exit;
  Delete(Padded, P, Length(Dir) + 1);
  RegWriteExpandStringValue(HKLM, EnvKey, 'Path', Copy(Padded, 2, Length(Padded) - 2));
end;
