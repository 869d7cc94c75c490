/**
 * A short beep through the Web Audio API (no audio file). Browsers only let a page make sound
 * after the person has interacted with it, so the context is created, or resumed, on the first
 * key press or click (see primeAudio), and a beep that is still blocked is silently skipped.
 */
let context: AudioContext | undefined;

function audio(): AudioContext | undefined {
  if (typeof AudioContext === "undefined") return undefined;
  context ??= new AudioContext();
  if (context.state === "suspended") void context.resume().catch(() => {});
  return context;
}

/** Call from a user gesture (the sound toggle, the first key or click) so later beeps can play. */
export function primeAudio(): void {
  audio();
}

/** Three short tones, about a second in all. */
export function beep(): void {
  const ctx = audio();
  if (ctx?.state !== "running") return;
  const start = ctx.currentTime + 0.02;
  for (let i = 0; i < 3; i++) {
    const at = start + i * 0.3;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.22);
  }
}
