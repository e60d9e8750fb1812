// The practice player's cues when a step's time is up: a soft chime made with the Web Audio API (a generated tone,
// nothing to download) and a short vibration where the device has one. The person decides: "Sound and vibration"
// and "Move on by itself" are remembered on this device (localStorage), not in the account, because a phone on the
// bus and a laptop at home want different answers. Vibration also stays off when the person asks for reduced motion.

const SOUND_KEY = 'mhc.player.sound';
const AUTO_KEY = 'mhc.player.autoAdvance';

let audio = null;

function read(key, fallback) {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value === 'on';
  } catch {
    return fallback;
  }
}

function write(key, on) {
  try {
    localStorage.setItem(key, on ? 'on' : 'off');
  } catch {
    // A browser that keeps nothing (private mode, storage full) still plays; the choice lasts for this page.
  }
}

/** Whether cues may sound and vibrate: on unless the person turned them off on this device. */
export function soundOn() {
  return read(SOUND_KEY, true);
}

export function rememberSound(on) {
  write(SOUND_KEY, on);
}

/** Whether the player moves to the next step by itself when a step's time is up: off unless chosen. */
export function autoAdvanceOn() {
  return read(AUTO_KEY, false);
}

export function rememberAutoAdvance(on) {
  write(AUTO_KEY, on);
}

function reducedMotion() {
  return Boolean(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
}

/**
 * Prepares the sound while the person is pressing a button: browsers let a page start audio only after a gesture,
 * and the end of a step comes from a timer, not from a click.
 */
export function prepareSound() {
  if (!soundOn()) return;
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  try {
    if (!audio) audio = new Context();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
  } catch {
    audio = null;
  }
}

/** Two soft sine tones that fade out: a chime, not an alarm. */
function chime() {
  prepareSound();
  if (!audio) return false;
  const start = audio.currentTime + 0.05;
  [523.25, 783.99].forEach((frequency, i) => {
    const at = start + i * 0.22;
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, at);
    volume.gain.exponentialRampToValueAtTime(0.18, at + 0.03);
    volume.gain.exponentialRampToValueAtTime(0.0001, at + 1.4);
    tone.connect(volume).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 1.5);
  });
  return true;
}

/**
 * The cue for "this step's time is up". Returns what it did, for the page to say so: { sound, vibration }.
 * Nothing at all when the person turned sound off; no vibration under reduced motion or without a vibrator.
 */
export function stepEnded() {
  if (!soundOn()) return { sound: false, vibration: false };
  const sound = chime();
  let vibration = false;
  if (!reducedMotion() && typeof navigator.vibrate === 'function') {
    try {
      vibration = navigator.vibrate([120, 80, 120]);
    } catch {
      vibration = false;
    }
  }
  return { sound, vibration };
}
