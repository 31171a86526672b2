import type { Observable, Observer, Subscription } from 'rxjs';

/**
 * Reloads of one list where only the latest answer may land: starting a load cancels the one
 * in flight, so an older answer arriving late (the first load after an add, say) cannot put a
 * stale list back.
 */
export class LatestLoad {
  private current?: Subscription;

  run<T>(source: Observable<T>, observer: Partial<Observer<T>>): void {
    this.current?.unsubscribe();
    this.current = source.subscribe(observer);
  }
}
