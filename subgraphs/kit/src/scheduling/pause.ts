/**
 * A wait that `wake()` can cut short. A wake that arrives while nobody waits is kept for the
 * next wait, so a poke between two polls is never lost.
 */
export class Pause {
  private woken = false;
  private release: (() => void) | null = null;

  wait(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.release?.(), ms);
      this.release = () => {
        clearTimeout(timer);
        this.release = null;
        resolve();
      };
    });
  }

  wake(): void {
    if (this.release) this.release();
    else this.woken = true;
  }
}
