// Version 1 of the licence agreement, shipped with the product and copied into
// every new account. Administrators publish later versions from the licence page.
export const defaultLicenceSummary = "The first version of the Switchboard licence agreement.";

export const defaultLicenceBody = `SWITCHBOARD END USER LICENCE AGREEMENT

1. Who this is between. This agreement is between your organization (the account holder) and the provider of the Switchboard portal and the cloud phone and CRM services it manages. By selecting "I accept" you agree to it on your own behalf and, as one of its users, on behalf of your organization.

2. What you may do. You may use the portal to administer your organization's users, groups, phone-system instances, features, templates, billing and integrations, within the permissions your Administrators give you.

3. What you may not do. You may not share your sign-in with anyone, try to reach another organization's data, probe or disrupt the service, or use it to place unlawful, fraudulent or unsolicited calls or messages.

4. Your data. Your organization owns the data it puts into Switchboard. We process it only to provide the service, keep it confidential, and record account activity (who changed what, when, and from which address) so your Administrators can audit it.

5. Calls and numbers. Emergency calling depends on the addresses and numbers your organization configures; keep them accurate. Click To Dial templates may contain credentials of third-party software: you are responsible for them.

6. Availability. We work to keep the service available and secure but provide it "as is", without warranties beyond those your organization's contract gives.

7. Changes. We may publish a new version of this agreement. You will be asked to accept it before you continue to use the portal; if you decline, you will be signed out.

8. Ending. Your Administrators may end your access at any time. Sections 3, 4 and 6 survive the end of this agreement.`;
