/**
 * The user's own fields a template may name as {{userName}}, {{firstName}}, {{lastName}},
 * {{email}} and {{extension}}: taken from the user form as typed, so a new user's seat
 * can be previewed before the user exists.
 */
export type SeatPerson = {
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  extension: string;
};

export function seatPersonFrom(values: Record<string, unknown>): SeatPerson {
  const text = (key: string) => {
    const value = values[key];
    return typeof value === "string" ? value.trim() : "";
  };
  return {
    userName: text("userName"),
    firstName: text("firstName"),
    lastName: text("lastName"),
    email: text("email"),
    extension: text("extension"),
  };
}
