/** The background job that sends one row of the emails table (payload { emailId }). */
export const emailJobKinds = { send: "email.send" } as const;
