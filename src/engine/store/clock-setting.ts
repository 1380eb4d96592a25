import { type ClockSetting, type ClockSettingStore } from '../clock';
import { type RecordStore } from './record-store';

const CLOCK_META = 'clock';

/** The controlled clock's setting kept in the store's meta values, next to the key generator's position. */
export function clockSettingStore(store: RecordStore): ClockSettingStore {
  return {
    load() {
      const value = store.meta(CLOCK_META);
      if (!value) return undefined;
      const parsed = JSON.parse(value) as Partial<ClockSetting>;
      const pinnedAt = Number.isFinite(parsed.pinnedAt) ? parsed.pinnedAt : undefined;
      return { pinnedAt, offset: Number.isFinite(parsed.offset) ? (parsed.offset as number) : 0 };
    },
    save(setting) {
      store.setMetaValue(CLOCK_META, JSON.stringify(setting));
    },
  };
}
