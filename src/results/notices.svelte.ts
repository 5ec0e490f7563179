/**
 * Messages the trainee must see whatever screen is open: a save that could not be written, a
 * launch link whose LRS settings are unusable, LMS resume data that needs a choice. Each has a
 * key, so the same problem is shown once and replaced when it changes.
 */
export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  key: string;
  /** A short heading, then the explanation in full sentences. */
  title: string;
  text: string;
  /** A list shown after the text (each item a phrase), then `after`, if given. */
  items?: string[];
  after?: string;
  actions?: NoticeAction[];
}

class Notices {
  list = $state.raw<Notice[]>([]);

  show(notice: Notice): void {
    const at = this.list.findIndex((n) => n.key === notice.key);
    this.list = at < 0 ? [...this.list, notice] : this.list.map((n, i) => (i === at ? notice : n));
  }

  dismiss(key: string): void {
    this.list = this.list.filter((n) => n.key !== key);
  }
}

export const notices = new Notices();
