import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { NAV_ITEMS } from '../core/nav';
import { ThemeService } from '../core/theme.service';
import { PresenceControlComponent } from './presence-control.component';

/** The frame of every signed-in page: top bar, side navigation, content. */
@Component({
  selector: 'sb-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatSidenavModule, MatListModule, MatIconModule, MatButtonModule, MatMenuModule, MatTooltipModule, PresenceControlComponent],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  protected readonly theme = inject(ThemeService);
  private readonly allItems = inject(NAV_ITEMS).flat();

  protected readonly handset = toSignal(inject(BreakpointObserver).observe(Breakpoints.Handset).pipe(map((state) => state.matches)), {
    initialValue: false,
  });

  /** The navigation entries the signed-in user's role may see. */
  protected readonly items = computed(() => {
    const role = this.auth.user()?.role;
    return this.allItems.filter((item) => !item.roles || (role !== undefined && item.roles.includes(role)));
  });
}
