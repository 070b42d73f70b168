"""Stage the frozen app as a Debian package and build the .deb (the last
step of ``packaging/build-deb``, which freezes the app and renders the icons
first).

    .venv/bin/python packaging/debian.py [--dist build/dist] [--icons build/icons] [--out build]

Lays out, under a staging root:

  /opt/tandem/                  the frozen app (its own folder: Tandem's
                                generic top-level packages never meet another
                                program's site-packages)
  /usr/bin/tandem               the launcher, a link to /opt/tandem/tandem
  /usr/share/applications/      the desktop entry
  /usr/share/metainfo/          the AppStream file
  /usr/share/mime/packages/     the plan's file type
  /usr/share/icons/hicolor/     the app's and the plan's icons, every size
  /usr/share/man/man1/          the manual page
  /usr/share/doc/tandem/        copyright, changelog, and every bundled
                                library's own licence files

In the staged copy, libraries lose search paths that name the build machine
(a Python built with pyenv records its own lib folder), shared libraries are
not executable, and Tandem's fonts become links to the system's very same
files where Debian packages them. It then computes Depends and Recommends with
dpkg-shlibdeps from the system libraries the app links to, and builds with
dpkg-deb. The desktop database,
MIME database and icon caches are refreshed by the system's own dpkg
triggers; the package needs no maintainer scripts.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle  # noqa: E402

PACKAGE = "tandem"
DESCRIPTION = """\
plan two ambitious careers together
 Tandem is a desktop application for couples with two ambitious careers who
 want to plan them together, at one laptop: a shared roadmap of both careers
 and the life around them, opportunities scored by each partner, each
 partner's ideal day five years out, and a checklist of the signs that it is
 working, revisited in check-ins.
 .
 A plan is one file on your computer; every change is saved at once and can
 be undone. What one partner writes alone stays theirs until it is shared.
 .
 The command "tandem export PLAN REPORT.pdf" writes the counselor report with
 no window.
"""
PT_INTERP = 3
#: System libraries only some parts need: the desktop's file dialogs (GTK)
#: and printing (CUPS). Without them Tandem still runs, with Qt's own dialogs.
RECOMMENDED = re.compile(r"platformthemes|printsupport")


def run(*command: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run([str(part) for part in command], cwd=cwd, text=True,
                            capture_output=True)
    if result.returncode != 0:
        sys.exit(f"debian.py: {command[0]} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def install_gzipped(source: Path, target: Path) -> None:
    """gzip -9n: no name or time in the header, so builds are reproducible."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                 compresslevel=9, mtime=0) as packed:
        packed.write(source.read_bytes())
    target.chmod(0o644)


def stage(root: Path, frozen: Path, icons: Path) -> None:
    app = root / bundle.INSTALL_DIR.lstrip("/")
    shutil.copytree(frozen, app, symlinks=True)
    launcher = root / "usr" / "bin" / bundle.EXECUTABLE
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(f"{bundle.INSTALL_DIR}/{bundle.EXECUTABLE}")

    share = root / "usr" / "share"
    install(bundle.DESKTOP_FILE, share / "applications" / bundle.DESKTOP_FILE.name)
    install(bundle.METAINFO_FILE, share / "metainfo" / bundle.METAINFO_FILE.name)
    install(bundle.MIME_FILE, share / "mime" / "packages" / bundle.MIME_FILE.name)
    hicolor = share / "icons" / "hicolor"
    shutil.copytree(icons / "hicolor", hicolor)
    install(bundle.APP_ICON_SVG, hicolor / "scalable" / "apps" / f"{bundle.EXECUTABLE}.svg")
    install(bundle.PLAN_ICON_SVG, hicolor / "scalable" / "mimetypes" / f"{bundle.MIME_ICON}.svg")
    install_gzipped(bundle.MAN_PAGE, share / "man" / "man1" / f"{bundle.MAN_PAGE.name}.gz")

    doc = share / "doc" / PACKAGE
    install(bundle.COPYRIGHT_FILE, doc / "copyright")
    install_gzipped(bundle.CHANGELOG_FILE, doc / "changelog.gz")
    install(bundle.LINTIAN_OVERRIDES, share / "lintian" / "overrides" / PACKAGE)
    ship_licences(doc / "licenses", frozen.parent / "bundled-modules.txt")

    for path in elf_files(app):
        drop_build_machine_paths(path)
    for path in [root, *root.rglob("*")]:  # dpkg-deb records what it finds
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or _elf_kind(path) == "program" else 0o644)


def _elf_kind(path: Path) -> str:
    """"program" (has an interpreter: the app's executables), "library" (any
    other ELF file), or "" (not ELF)."""
    with path.open("rb") as handle:
        head = handle.read(64)
        if head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:  # 64-bit little-endian
            return "library" if head[:4] == b"\x7fELF" else ""
        phoff, = struct.unpack_from("<Q", head, 32)
        size, count = struct.unpack_from("<HH", head, 54)
        handle.seek(phoff)
        headers = handle.read(size * count)
    types = {struct.unpack_from("<I", headers, i * size)[0] for i in range(count)}
    return "program" if PT_INTERP in types else "library"


def drop_build_machine_paths(path: Path) -> None:
    """Remove a RUNPATH/RPATH that names a folder of the build machine; keep
    those relative to the library itself ($ORIGIN), which wheels rely on."""
    current = run("patchelf", "--print-rpath", path).strip()
    if not current:
        return
    kept = [entry for entry in current.split(":") if entry.startswith("$ORIGIN")]
    if kept != current.split(":"):
        if kept:
            run("patchelf", "--set-rpath", ":".join(kept), path)
        else:
            run("patchelf", "--remove-rpath", path)


def link_system_fonts(app: Path) -> list[str]:
    """Replace Tandem's fonts by links to the system's identical files; the
    packages they come from, for Depends."""
    packages = []
    fonts = app / "_internal" / "resources" / "fonts"
    for name, (package, system_path) in bundle.SYSTEM_FONTS.items():
        shipped, system = fonts / name, Path(system_path)
        if not shipped.is_file():
            continue
        if system.is_file() and _digest(system) == _digest(shipped):
            shipped.unlink()
            shipped.symlink_to(system)
            packages.append(package)
        else:
            print(f"debian.py: {system} is not the same file as {name} here "
                  f"(install {package}?); the package keeps its own copy")
    return sorted(set(packages))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ship_licences(folder: Path, bundled_list: Path) -> None:
    """Each bundled distribution's own licence files, as its wheel ships them;
    Python's licence; the fonts' licences; PyInstaller's (its bootloader)."""
    bundled = set(bundled_list.read_text().split())
    owners = importlib.metadata.packages_distributions()
    names = {dist for module in bundled for dist in owners.get(module, [])}
    names.discard(bundle.EXECUTABLE)  # Tandem itself: the copyright file
    names.add("pyinstaller")
    pattern = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
    for name in sorted(names):
        distribution = importlib.metadata.distribution(name)
        found = [f for f in distribution.files or []
                 if ".dist-info" in str(f) and pattern.search(f.name)]
        for entry in found:
            # NAME.dist-info/licenses/numpy/ma/LICENSE -> numpy/numpy_ma_LICENSE
            parts = [p for p in Path(str(entry)).parts[1:] if p != "licenses"]
            install(Path(str(distribution.locate_file(entry))),
                    folder / distribution.metadata["Name"] / "_".join(parts).lstrip("_"))
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_licence.is_file():
        install(python_licence, folder / "python" / "LICENSE.txt")
    for licence in sorted((bundle.ROOT / "resources" / "fonts").glob("LICENSE-*")):
        install(licence, folder / "fonts" / licence.name)


def elf_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*")
                  if path.is_file() and not path.is_symlink() and _elf_kind(path))


def dependencies(root: Path) -> tuple[str, str]:
    """(Depends, Recommends) from the system libraries the app's programs and
    libraries link to. Libraries inside the app are private: dpkg-shlibdeps is
    told where they are, so it asks for no package for them."""
    files = elf_files(root)
    private = sorted({str(path.parent) for path in files})
    with tempfile.TemporaryDirectory(prefix="tandem-shlibdeps-") as tmp:
        work = Path(tmp)
        (work / "debian").mkdir()
        (work / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n")
        needed = ["-dRecommends" if RECOMMENDED.search(str(p)) else "-dDepends" for p in files]
        arguments = [part for flag, path in zip(needed, files, strict=True)
                     for part in (flag, str(path))]
        output = run("dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=1",
                     *(f"-l{folder}" for folder in private), *arguments, cwd=work)
    fields = dict(line.split("=", 1) for line in output.splitlines() if "=" in line)
    return fields.get("shlibs:Depends", ""), fields.get("shlibs:Recommends", "")


def changelog_version() -> str:
    first = bundle.CHANGELOG_FILE.read_text().splitlines()[0]
    match = re.match(rf"{PACKAGE} \(([^)]+)\)", first)
    return match.group(1) if match else ""


def control(root: Path, version: str, architecture: str, fonts: list[str]) -> None:
    depends, recommends = dependencies(root)
    depends = ", ".join(part for part in (depends, *fonts) if part)
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    recommends_line = f"Recommends: {recommends}\n" if recommends else ""
    text = (f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {architecture}\n"
            f"Maintainer: {bundle.MAINTAINER}\nInstalled-Size: {(size + 1023) // 1024}\n"
            f"Depends: {depends}\n{recommends_line}"
            "Section: misc\nPriority: optional\n"
            f"Homepage: {bundle.HOMEPAGE}\nDescription: {DESCRIPTION}")
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755)
    (debian / "control").write_text(text)
    (debian / "control").chmod(0o644)
    sums = [f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(root)}"
            for path in sorted(root.rglob("*"))
            if path.is_file() and not path.is_symlink() and debian not in path.parents]
    (debian / "md5sums").write_text("\n".join(sums) + "\n")
    (debian / "md5sums").chmod(0o644)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=bundle.ROOT / "build" / "dist")
    parser.add_argument("--icons", type=Path, default=bundle.ROOT / "build" / "icons")
    parser.add_argument("--out", type=Path, default=bundle.ROOT / "build")
    options = parser.parse_args(argv[1:])
    frozen = options.dist.resolve() / bundle.EXECUTABLE
    if not (frozen / bundle.EXECUTABLE).is_file():
        sys.exit(f"debian.py: no frozen app in {frozen} (run packaging/build-deb)")
    version = bundle.version()
    if changelog_version() != version:
        sys.exit(f"debian.py: pyproject.toml says version {version}, but the first entry of "
                 f"{bundle.CHANGELOG_FILE} is {changelog_version() or 'missing'}: add one")
    architecture = run("dpkg", "--print-architecture").strip()
    root = options.out.resolve() / "deb" / "root"
    shutil.rmtree(root.parent, ignore_errors=True)
    root.mkdir(parents=True)
    stage(root, frozen, options.icons)
    fonts = link_system_fonts(root / bundle.INSTALL_DIR.lstrip("/"))
    control(root, version, architecture, fonts)
    deb = options.out / f"{PACKAGE}_{version}_{architecture}.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, deb)
    print(f"Built {deb} ({deb.stat().st_size / 1e6:.0f} MB; the app folder "
          f"{_size(root / bundle.INSTALL_DIR.lstrip('/')) / 1e6:.0f} MB)")
    return 0


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


if __name__ == "__main__":
    sys.exit(main(sys.argv))
