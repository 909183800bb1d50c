import { existsSync } from 'node:fs';

/** A font file, and the face to use when it is a collection (.ttc): its PostScript name. */
export interface FontFile {
  path: string;
  face?: string;
}

/**
 * The faces of a PDF. GB/T 9704 sets documents in 小标宋 (title), 仿宋 (body), 黑体 and 楷体 (headings):
 * fonts Debian does not have, so free stand-ins are used (see findFonts).
 */
export interface FontPaths {
  /** 小标宋 stand-in: the title */
  title: FontFile;
  /** 仿宋 stand-in: body text, tables, page numbers */
  body: FontFile;
  /** 黑体 stand-in: 附件 label, level-1 headings 「一、」, table heads */
  heading: FontFile;
  /** 楷体 stand-in: level-2 headings 「（一）」 */
  kai: FontFile;
  /** tried in order for a character the face in use lacks (rare characters in names, symbols) */
  fallbacks: FontFile[];
}

interface Candidate {
  role: string;
  family: string;
  /** the Debian package that installs it */
  aptPackage: string;
  face: string;
  paths: string[];
}

/** Debian/Ubuntu paths first, then Fedora, Arch and Alpine. */
const NOTO_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
  '/usr/share/fonts/google-noto-serif-cjk-fonts',
  '/usr/share/fonts/google-noto-sans-cjk-fonts',
];
const ARPHIC_DIRS = [
  '/usr/share/fonts/truetype/arphic',
  '/usr/share/fonts/arphic-uming',
  '/usr/share/fonts/arphic-ukai',
];
const noto = (file: string) => NOTO_DIRS.map((dir) => `${dir}/${file}`);
const arphic = (file: string) => ARPHIC_DIRS.map((dir) => `${dir}/${file}`);

const TITLE: Candidate = {
  role: 'title (小标宋)',
  family: 'Noto Serif CJK SC Bold',
  aptPackage: 'fonts-noto-cjk',
  face: 'NotoSerifCJKsc-Bold',
  paths: noto('NotoSerifCJK-Bold.ttc'),
};
const BODY: Candidate = {
  role: 'body (仿宋)',
  family: 'AR PL UMing CN',
  aptPackage: 'fonts-arphic-uming',
  face: 'UMingCN',
  paths: arphic('uming.ttc'),
};
const HEADING: Candidate = {
  role: 'level-1 headings (黑体)',
  family: 'Noto Sans CJK SC',
  aptPackage: 'fonts-noto-cjk',
  face: 'NotoSansCJKsc-Regular',
  paths: noto('NotoSansCJK-Regular.ttc'),
};
const KAI: Candidate = {
  role: 'level-2 headings (楷体)',
  family: 'AR PL UKai CN',
  aptPackage: 'fonts-arphic-ukai',
  face: 'UKaiCN',
  paths: arphic('ukai.ttc'),
};
const SERIF_FALLBACK: Candidate = {
  role: 'fallback for characters the others lack',
  family: 'Noto Serif CJK SC',
  aptPackage: 'fonts-noto-cjk',
  face: 'NotoSerifCJKsc-Regular',
  paths: noto('NotoSerifCJK-Regular.ttc'),
};

/**
 * The fonts of the PDF, found on this system: Noto Serif CJK SC Bold for the title, AR PL UMing for the body,
 * Noto Sans CJK SC for 黑体 headings, AR PL UKai for 楷体 ones, with Noto Serif and Sans CJK SC for any
 * character those lack. Throws one Error naming every missing font and its Debian package.
 */
export function findFonts(): FontPaths {
  return locateFonts(existsSync);
}

/** findFonts, with the file system's answer to 「is there a file here」 given. */
export function locateFonts(exists: (path: string) => boolean): FontPaths {
  const missing: Candidate[] = [];
  const find = (candidate: Candidate): FontFile => {
    const path = candidate.paths.find((p) => exists(p));
    if (!path) {
      missing.push(candidate);
      return { path: '', face: candidate.face };
    }
    return { path, face: candidate.face };
  };
  const fonts: FontPaths = {
    title: find(TITLE),
    body: find(BODY),
    heading: find(HEADING),
    kai: find(KAI),
    fallbacks: [find(SERIF_FALLBACK)],
  };
  // the Sans face is the heading face: the second fallback costs no memory
  fonts.fallbacks.push(fonts.heading);
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((m) => m.aptPackage))];
    const lines = missing.map((m) => `- ${m.family} for the ${m.role}: not at ${m.paths.join(', ')}`);
    throw new Error(
      `Fonts for rendering PDF documents are missing:\n${lines.join('\n')}\n` +
        `Install the Debian package${packages.length > 1 ? 's' : ''} ${packages.join(' ')} ` +
        `(apt-get install ${packages.join(' ')}), or pass the fonts in RenderOptions.fonts.`,
    );
  }
  return fonts;
}
