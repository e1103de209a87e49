"use client";

import { Button } from "@/components/button";
import { Checkbox, Field, inputClasses, Select, TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { useServerForm } from "@/components/forms/use-server-form";
import type { GroupChoice } from "@/lib/groups/group-choices";
import { phoneHint } from "@/lib/users/fields/phone";
import { createUserSchema, type UserFormValues, updateUserSchema } from "@/lib/users/schemas";
import { createUserAction, updateUserAction } from "./actions";
import { ClickToDialPreview } from "./click-to-dial-preview";
import { SeatSection, type SeatSectionProps } from "./seat-section";

type Props = {
  /** Present when editing an existing user. */
  userId?: string;
  defaults: Omit<UserFormValues, "groupIds"> & { groupIds: string[] };
  returnTo: string;
  /** Only Administrators may make someone an Administrator. */
  canGrantAdministrator: boolean;
  /** The account's groups, when there are any and the actor may see them. */
  groups: GroupChoice[];
  /** Without Users → Inactivate the Active box shows the state but cannot change it. */
  canInactivate?: boolean;
  /** The signed-in user's own details: a new password or email needs the current password. */
  self?: boolean;
  /** The Phone system section, when the actor may see instances. */
  seat?: Omit<SeatSectionProps, "instanceError" | "seatsError">;
};

// Field() renders the error itself; the control only takes the input props.
function withoutError<T extends { error?: string }>({ error: _error, ...props }: T) {
  return props;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="grid gap-4 border-t border-neutral-200 pt-4 sm:grid-cols-2">
      <legend className="-mt-2 bg-white pr-2 text-xs font-semibold uppercase tracking-wide text-neutral-600">
        {title}
      </legend>
      {children}
    </fieldset>
  );
}

export function UserForm({
  userId,
  defaults,
  returnTo,
  canGrantAdministrator,
  groups,
  canInactivate = true,
  self = false,
  seat,
}: Props) {
  const {
    form,
    formRef,
    formAction,
    onSubmit,
    pending,
    errorFor,
    summary,
    field,
    checkboxField,
    initialValues,
  } = useServerForm({
    // The new user's fields are the existing user's plus "Send login instructions".
    schema: userId ? (updateUserSchema as typeof createUserSchema) : createUserSchema,
    action: userId ? updateUserAction : createUserAction,
    defaultValues: defaults,
  });
  const { watch } = form;
  // A new user told how to sign in may choose their password themselves.
  const sendChoice: unknown = watch("sendLoginInstructions");
  const sendsInstructions = !userId && (sendChoice === true || sendChoice === "on");
  const roleOptions = [
    { value: "user", label: "User" },
    ...(canGrantAdministrator || defaults.role === "administrator"
      ? [{ value: "administrator", label: "Administrator" }]
      : []),
  ];
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-6 p-4"
    >
      {/* Enter in a field saves: the first submit button is the default one, and the seat
          section's buttons come before Save. */}
      <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
        Save
      </button>
      {userId ? <input type="hidden" name="id" value={userId} /> : null}
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormErrorSummary message={summary} />
      <Section title="Sign-in">
        <TextInput
          label="User Name"
          {...field("userName")}
          required
          autoComplete="off"
          help="3 to 64 letters, digits, dots, underscores or hyphens."
        />
        <TextInput
          label="New Password"
          type="password"
          {...field("newPassword")}
          required={!userId && !sendsInstructions}
          autoComplete="new-password"
          help={
            userId
              ? "Leave blank to keep the current password."
              : sendsInstructions
                ? "May be left blank: the user chooses one through the emailed link."
                : seat?.draftId
                  ? "Type it again: a password is never kept while a seat is built. At least 12 characters."
                  : "At least 12 characters; common passwords are refused."
          }
        />
        {userId ? null : (
          <Checkbox
            label="Send login instructions"
            {...checkboxField("sendLoginInstructions")}
            className="sm:col-span-2"
            help="Emails the user a link to choose their password. It works once, for 72 hours; only active users get it."
          />
        )}
        {self ? (
          <TextInput
            label="Current Password"
            type="password"
            {...field("currentPassword")}
            autoComplete="current-password"
            help="Needed only to change your own password or email."
          />
        ) : null}
      </Section>
      <Section title="Person">
        <TextInput label="First Name" {...field("firstName")} autoComplete="off" />
        <TextInput label="Last Name" {...field("lastName")} autoComplete="off" />
        <TextInput label="Alias" {...field("alias")} help="A nickname." />
        <TextInput label="Title" {...field("title")} help="Such as CEO or Web Developer." />
      </Section>
      <Section title="Contact">
        <TextInput label="Email" type="email" {...field("email")} required autoComplete="off" />
        <TextInput
          label="Available From Email"
          {...field("fromEmails")}
          help="Comma-separated addresses this user may send from. The first is the default."
        />
        <TextInput
          label="Phone"
          type="tel"
          {...field("phone")}
          help={phoneHint(watch("phone") ?? "")}
        />
        <TextInput
          label="Extension"
          inputMode="numeric"
          {...field("extension")}
          help="1 to 8 digits."
        />
        <Field label="Address" name="address" error={errorFor("address")} className="sm:col-span-2">
          {(control) => (
            <textarea
              rows={2}
              className={inputClasses}
              {...withoutError(field("address"))}
              {...control}
            />
          )}
        </Field>
      </Section>
      <Section title="Preferences">
        <Field
          label="Color"
          name="color"
          error={errorFor("color")}
          help="Marks this user across the portal."
        >
          {(control) => (
            <input
              type="color"
              className="h-10 w-20 cursor-pointer rounded-md border border-neutral-500/80 bg-white p-1"
              {...withoutError(field("color"))}
              {...control}
            />
          )}
        </Field>
        <div className="sm:col-span-2">
          <TextInput
            label="Click To Dial"
            {...field("clickToDial")}
            autoComplete="off"
            spellCheck={false}
            help="A link for your dialing software, such as https://dialer.example/call?phone=[Field:PhoneNumber]&ext=[Field:Ext]. Allowed: https, http, tel, sip, callto."
          />
          <ClickToDialPreview values={watch()} />
        </div>
      </Section>
      {groups.length > 0 ? (
        <Section title="User Groups">
          {/* Marks the section as shown: no ticks then means "in no group". */}
          <input type="hidden" name="groupIds" value="" />
          {groups.map((group) => {
            // What was ticked when a save was refused, not what is stored.
            const checked = initialValues("groupIds").includes(group.id);
            return (
              <div key={group.id}>
                <Checkbox
                  id={`group-${group.id}`}
                  label={group.name}
                  value={group.id}
                  defaultChecked={checked}
                  disabled={!group.mayChange}
                  help={
                    group.mayChange
                      ? undefined
                      : "Grants actions you do not have, so you cannot change it."
                  }
                  {...form.register("groupIds")}
                />
                {/* A disabled box is not submitted: keep the membership as it is. */}
                {!group.mayChange && checked ? (
                  <input type="hidden" name="groupIds" value={group.id} />
                ) : null}
              </div>
            );
          })}
        </Section>
      ) : null}
      <Section title="Access">
        <div>
          <Checkbox
            label="Active"
            {...checkboxField("active")}
            disabled={!canInactivate}
            help={
              canInactivate
                ? "Inactive users cannot sign in."
                : "You cannot inactivate or reactivate users."
            }
          />
          {canInactivate ? null : (
            <input type="hidden" name="active" value={defaults.active ? "on" : ""} />
          )}
        </div>
        <Select label="Role" {...field("role")} options={roleOptions} />
      </Section>
      {seat ? (
        <SeatSection
          {...seat}
          instanceError={errorFor("seatInstanceId")}
          seatsError={errorFor("seats")}
        />
      ) : null}
      <div className="flex items-center gap-3 border-t border-neutral-200 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
