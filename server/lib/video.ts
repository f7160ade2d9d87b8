/**
 * Video links from known providers, recognised so the page can embed them in a privacy-preserving
 * way: YouTube through youtube-nocookie.com, Vimeo with "do not track". Nothing else is embedded.
 */

export type VideoProvider = 'youtube' | 'vimeo';

export interface VideoRef {
  provider: VideoProvider;
  videoId: string;
}

const youtubeId = /^[A-Za-z0-9_-]{11}$/;
const vimeoId = /^\d{1,12}$/;
const youtubeHosts = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const vimeoHosts = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

/** The provider and video id of a YouTube or Vimeo address, or undefined for any other. */
export function parseVideoUrl(raw: string): VideoRef | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  if (host === 'youtu.be') return youtube(parts[0]);
  if (youtubeHosts.has(host)) {
    if (parts[0] === 'watch') return youtube(url.searchParams.get('v') ?? undefined);
    if (parts[0] === 'embed' || parts[0] === 'shorts' || parts[0] === 'live') return youtube(parts[1]);
    return undefined;
  }
  if (vimeoHosts.has(host)) {
    const id = host === 'player.vimeo.com' ? (parts[0] === 'video' ? parts[1] : undefined) : parts.at(-1);
    return id !== undefined && vimeoId.test(id) ? { provider: 'vimeo', videoId: id } : undefined;
  }
  return undefined;
}

function youtube(id: string | undefined): VideoRef | undefined {
  return id !== undefined && youtubeId.test(id) ? { provider: 'youtube', videoId: id } : undefined;
}

/** The addresses to embed and to watch a recognised video at. */
export function videoUrls(video: VideoRef): { embedUrl: string; watchUrl: string } {
  if (video.provider === 'youtube') {
    return {
      embedUrl: `https://www.youtube-nocookie.com/embed/${video.videoId}`,
      watchUrl: `https://www.youtube.com/watch?v=${video.videoId}`,
    };
  }
  return {
    embedUrl: `https://player.vimeo.com/video/${video.videoId}?dnt=1`,
    watchUrl: `https://vimeo.com/${video.videoId}`,
  };
}

/** The hosts the page's CSP lets frames come from (the embed addresses above). */
export const videoFrameSources = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];
