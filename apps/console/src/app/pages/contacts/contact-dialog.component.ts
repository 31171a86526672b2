import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Contact, SaveContactRequest } from '@switchboard/contracts';
import { ContactsApi } from '../../api/contacts-api.service';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';

/** A contact needs at least one of its fields. */
function anyField(group: AbstractControl): ValidationErrors | null {
  const value = group.value as Record<string, string>;
  return Object.values(value).some((field) => field?.trim()) ? null : { empty: true };
}

/** Adds a contact; closes with the saved one. */
@Component({
  selector: 'sb-contact-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Add contact</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="sb-dialog-form">
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="contact-name" cdkFocusInitial />
          <mat-error>{{ message(form.controls.name.errors) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Phone</mat-label>
          <input matInput type="tel" formControlName="phone" autocomplete="off" data-testid="contact-phone" />
          <mat-error>{{ message(form.controls.phone.errors) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>E-mail</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" data-testid="contact-email" />
          <mat-error>{{ message(form.controls.email.errors) }}</mat-error>
        </mat-form-field>
        @if (form.touched && form.errors?.['empty']) {
          <p class="sb-error-text" role="alert" data-testid="contact-empty">Fill in at least one field.</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="contact-save">Add</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactDialogComponent {
  private readonly ref = inject<MatDialogRef<ContactDialogComponent, Contact>>(MatDialogRef);
  private readonly api = inject(ContactsApi);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      name: ['', Validators.maxLength(200)],
      phone: ['', Validators.maxLength(50)],
      email: ['', [Validators.email, Validators.maxLength(254)]],
    },
    { validators: anyField },
  );
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => {
        const { name, phone, email } = this.form.getRawValue();
        const request: SaveContactRequest = { name: name.trim() || null, phone: phone.trim() || null, email: email.trim() || null };
        return this.api.create(request);
      },
      (contact) => this.ref.close(contact),
    );
  }
}
