import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, type ElementRef, inject, input, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { LAYOUT_SLOT, LAYOUT_VARIABLES, type ChatLayout } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { LayoutsApi } from '../../api/layouts-api.service';
import { errorMessage } from '../../core/error.interceptor';
import { applyServerErrors, fieldErrors, validationMessage } from '../../shared/server-errors';
import { cloneLayout } from './layout-clone-dialog.component';
import { confirmLayoutRemoval, lineRange, problemLine, templateProblem } from './layout-errors';
import { LayoutPreview } from './layout-preview';
import { LayoutPreviewFrameComponent } from './layout-preview-frame.component';

/**
 * One chat layout (`/layouts/:id`): its name and Handlebars template beside a live preview
 * rendered by the server. A template the server refuses shows its problem (with the line) next
 * to the editor, and the text stays as typed. The default layout is read-only: clone it.
 */
@Component({
  selector: 'sb-layout-editor-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, LayoutPreviewFrameComponent],
  templateUrl: './layout-editor-page.component.html',
  styles: `
    .columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 16px; align-items: start; }
    @media (max-width: 960px) { .columns { grid-template-columns: minmax(0, 1fr); } }
    form, .preview { display: flex; flex-direction: column; gap: 8px; }
    .name { max-width: 420px; }
    .template { font-family: ui-monospace, monospace; font-size: 13px; line-height: 1.45; white-space: pre; tab-size: 2; }
    .problem { display: flex; align-items: center; gap: 8px; margin: 0; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .problem .text { flex: 1; overflow-wrap: anywhere; white-space: pre-wrap; }
    .explain { margin: 0; color: var(--mat-sys-on-surface-variant); }
    h2 { font: var(--mat-sys-title-medium); margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LayoutEditorPageComponent {
  private readonly api = inject(LayoutsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    template: ['', [Validators.required, Validators.maxLength(50_000)]],
  });
  protected readonly layout = signal<ChatLayout | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  /** What the server said about the template on save (the preview says the same as you type). */
  private readonly saveProblem = signal<string | null>(null);
  /** A refusal that names no field (the default is read-only, the layout is gone, …). */
  protected readonly formProblem = signal<string | null>(null);
  protected readonly message = validationMessage;
  /** The values a template may use, as written in one. */
  protected readonly variables = Object.keys(LAYOUT_VARIABLES)
    .map((name) => `{{${name}}}`)
    .join(', ');
  protected readonly slot = LAYOUT_SLOT;

  private readonly templateText = toSignal(this.form.controls.template.valueChanges, { initialValue: '' });
  protected readonly preview = new LayoutPreview(computed(() => (this.layout() ? this.templateText() : null)));
  protected readonly problem = computed(() => this.saveProblem() ?? this.preview.problem());
  protected readonly problemLine = computed(() => problemLine(this.problem()));
  protected readonly readOnly = computed(() => this.layout()?.builtIn ?? false);
  private readonly templateInput = viewChild<ElementRef<HTMLTextAreaElement>>('templateInput');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    // An edit makes the last save's verdict stale; the preview judges the new text.
    this.form.controls.template.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.saveProblem.set(null));
  }

  protected save(layout: ChatLayout): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, template } = this.form.getRawValue();
    this.saving.set(true);
    this.formProblem.set(null);
    this.api.update(layout.id, { name: name.trim(), template }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.show(saved);
        this.snackBar.open(`Saved ${saved.name}`, undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        // The user's text stays as typed: only the messages change.
        const template = fieldErrors(error).some((entry) => entry.field === 'template');
        if (template) this.saveProblem.set(templateProblem(error));
        const named = applyServerErrors(this.form, error);
        if (!template && !named.length) this.formProblem.set(error instanceof HttpErrorResponse ? errorMessage(error) : 'The layout could not be saved.');
      },
    });
  }

  protected async clone(layout: ChatLayout): Promise<void> {
    const copy = await cloneLayout(this.dialog, layout);
    if (!copy) return;
    this.snackBar.open(`Cloned ${layout.name} as ${copy.name}`, undefined, { duration: 3000 });
    void this.router.navigate(['/layouts', copy.id]);
  }

  protected async remove(layout: ChatLayout): Promise<void> {
    if (!(await confirmLayoutRemoval(this.dialog, layout))) return;
    await firstValueFrom(this.api.remove(layout.id));
    this.snackBar.open(`Deleted ${layout.name}`, undefined, { duration: 3000 });
    void this.router.navigate(['/layouts']);
  }

  /** Selects the line the problem names in the template. */
  protected goToLine(line: number): void {
    const textarea = this.templateInput()?.nativeElement;
    if (!textarea) return;
    const { start, end } = lineRange(textarea.value, line);
    textarea.focus();
    textarea.setSelectionRange(start, end);
  }

  private load(id: string): void {
    this.loading.set(true);
    this.layout.set(null);
    this.api.get(id).subscribe({
      next: (layout) => {
        this.loading.set(false);
        this.show(layout);
      },
      error: () => this.loading.set(false),
    });
  }

  private show(layout: ChatLayout): void {
    this.saveProblem.set(null);
    this.formProblem.set(null);
    this.form.setValue({ name: layout.name, template: layout.template });
    this.form.markAsPristine();
    this.layout.set(layout);
  }
}
