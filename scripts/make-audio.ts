/**
 * Writes the simulator's sound files to public/audio/ as small 16-bit mono WAV files.
 * Everything is synthesised here from sine waves, so the files carry no third-party rights;
 * they are released under CC0 (see public/audio/LICENSE.txt, written alongside).
 *
 * Run: npx tsx scripts/make-audio.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RATE = 16_000;
const OUT = join('public', 'audio');

/** Encodes samples in [-1, 1] as a 16-bit PCM mono WAV file. */
function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    data.writeInt16LE(Math.round(s * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function render(seconds: number, sample: (t: number) => number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < out.length; i++) out[i] = sample(i / RATE);
  return out;
}

const TAU = 2 * Math.PI;
const sine = (freq: number, t: number) => Math.sin(TAU * freq * t);

/** A soft pad: an A-minor-ninth chord with slow tremolo; loops seamlessly over 8 s. */
function ambient(): Float32Array {
  const seconds = 8;
  // Frequencies are whole multiples of 1/8 Hz so every partial completes whole cycles in 8 s.
  const chord = [110, 130.75, 164.75, 196, 246.875];
  return render(seconds, (t) => {
    let v = 0;
    chord.forEach((f, k) => {
      const swell = 0.6 + 0.4 * Math.sin(TAU * (t / seconds) * (k % 2 === 0 ? 1 : 2) + k);
      v += swell * (sine(f, t) + 0.3 * sine(f * 2, t) + 0.15 * sine(f * 1.5, t));
    });
    return 0.09 * v;
  });
}

/** A two-tone monitor alarm: three short beeps. */
function alarm(): Float32Array {
  return render(1.2, (t) => {
    const beep = Math.floor(t / 0.4);
    const within = t - beep * 0.4;
    if (within > 0.25) return 0;
    const env = Math.min(1, within / 0.01, (0.25 - within) / 0.01);
    return 0.5 * env * sine(beep % 2 === 0 ? 880 : 660, t);
  });
}

/** A soft bell for new events: a decaying chord. */
function chime(): Float32Array {
  return render(1.5, (t) => {
    const env = Math.exp(-3 * t) * Math.min(1, t / 0.005);
    return 0.4 * env * (sine(784, t) + 0.5 * sine(1176, t) + 0.25 * sine(1568, t));
  });
}

/** A breathing guide: a tone that rises for 4 s (breathe in) and falls for 6 s (breathe out). */
function pacedBreathing(): Float32Array {
  let phase = 0;
  const seconds = 10;
  return render(seconds, (t) => {
    const inhale = t < 4;
    const x = inhale ? t / 4 : 1 - (t - 4) / 6;
    const freq = 220 + 110 * x;
    phase += (TAU * freq) / RATE;
    const env = 0.25 + 0.75 * Math.sin((Math.PI * x) / 2);
    const fade = Math.min(1, t / 0.05, (seconds - t) / 0.05);
    return 0.3 * env * fade * Math.sin(phase);
  });
}

const LICENSE = `Audio files in this folder

ambient.wav, alarm.wav, chime.wav and paced-breathing.wav are synthesised from sine waves by
scripts/make-audio.ts in this repository. They contain no recorded or third-party material.

They are dedicated to the public domain under Creative Commons CC0 1.0 Universal:
https://creativecommons.org/publicdomain/zero/1.0/
`;

mkdirSync(OUT, { recursive: true });
const files: Record<string, Float32Array> = {
  'ambient.wav': ambient(),
  'alarm.wav': alarm(),
  'chime.wav': chime(),
  'paced-breathing.wav': pacedBreathing(),
};
for (const [name, samples] of Object.entries(files)) {
  const bytes = wav(samples);
  writeFileSync(join(OUT, name), bytes);
  console.log(`${name}: ${(bytes.length / 1024).toFixed(0)} KB`);
}
writeFileSync(join(OUT, 'LICENSE.txt'), LICENSE);
console.log('LICENSE.txt');
