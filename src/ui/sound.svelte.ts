/**
 * Sound for the player: ambient music, the monitor alarm, event chimes and scenario clips.
 * howler loads lazily on the first trainee gesture (autoplay rules); every clip shows its
 * caption as text; any load or play failure sets `unavailable` and the session carries on.
 */
import type { Howl as HowlType } from 'howler';
import { saveSoundPrefs, soundPrefs } from './storage.ts';

type HowlerModule = typeof import('howler');

const FIXED: Record<string, { file: string; caption: string }> = {
  alarm: { file: 'alarm.wav', caption: 'Monitor alarm sounding.' },
  event: { file: 'chime.wav', caption: 'A soft chime marks something new in the room.' },
};

export interface Caption {
  id: number;
  text: string;
}

class Sound {
  volume = $state(soundPrefs().volume);
  muted = $state(soundPrefs().muted);
  unavailable = $state(false);
  /** The captions of recently played clips, newest last. */
  captions = $state.raw<Caption[]>([]);

  #gesture = false;
  #howler: Promise<HowlerModule> | null = null;
  #howls = new Map<string, HowlType>();
  #ambient: HowlType | null = null;
  #ambientWanted = false;
  #captionId = 0;

  constructor() {
    const unlock = () => {
      this.#gesture = true;
      removeEventListener('pointerdown', unlock, true);
      removeEventListener('keydown', unlock, true);
      if (this.#ambientWanted) this.ambient(true);
    };
    addEventListener('pointerdown', unlock, true);
    addEventListener('keydown', unlock, true);
  }

  setVolume(volume: number): void {
    this.volume = Math.min(1, Math.max(0, volume));
    this.#apply();
  }

  toggleMute(): void {
    this.muted = !this.muted;
    this.#apply();
  }

  #apply(): void {
    saveSoundPrefs({ volume: this.volume, muted: this.muted });
    void this.#howler?.then(({ Howler }) => {
      Howler.volume(this.volume);
      Howler.mute(this.muted);
    });
  }

  #load(): Promise<HowlerModule> {
    this.#howler ??= import('howler').then((mod) => {
      mod.Howler.volume(this.volume);
      mod.Howler.mute(this.muted);
      return mod;
    });
    return this.#howler;
  }

  async #howl(file: string, loop = false): Promise<HowlType | null> {
    try {
      const { Howl } = await this.#load();
      let howl = this.#howls.get(file);
      if (!howl) {
        howl = new Howl({
          src: [`${import.meta.env.BASE_URL}audio/${file}`],
          loop,
          html5: false,
          onloaderror: () => (this.unavailable = true),
          onplayerror: () => (this.unavailable = true),
        });
        this.#howls.set(file, howl);
      }
      return howl;
    } catch {
      this.unavailable = true;
      return null;
    }
  }

  #caption(text: string): void {
    const entry = { id: ++this.#captionId, text };
    this.captions = [...this.captions.slice(-2), entry];
  }

  /** Plays a cue: 'alarm', 'event', or a scenario clip (file and caption from media.audio). */
  cue(cue: string, clip?: { file: string; caption: string }): void {
    const sound = clip ?? FIXED[cue];
    if (!sound) return;
    this.#caption(sound.caption);
    if (!this.#gesture || this.unavailable) return;
    void this.#howl(sound.file).then((howl) => howl?.play());
  }

  /** Keeps the ambient pad playing while wanted (music on, after dosing, session running). */
  ambient(wanted: boolean): void {
    this.#ambientWanted = wanted;
    if (!wanted) {
      this.#ambient?.pause();
      return;
    }
    if (!this.#gesture || this.unavailable) return;
    void this.#howl('ambient.wav', true).then((howl) => {
      if (!howl || !this.#ambientWanted) return;
      if (this.#ambient !== howl) {
        this.#ambient = howl;
        this.#caption('Soft ambient music is playing.');
      }
      if (!howl.playing()) howl.play();
    });
  }

  stopAll(): void {
    this.ambient(false);
    for (const howl of this.#howls.values()) howl.stop();
  }
}

export const sound = new Sound();
