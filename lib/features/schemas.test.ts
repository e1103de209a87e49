import { describe, expect, it } from "vitest";
import { featureEditSchemas, parseFeatureFields } from "./schemas";

const device = { name: "Anna's phone", deviceKind: "desk_phone", model: "T54W" };
const room = { name: "Board", extension: "300", pin: "", maxParticipants: "20" };
const ringGroup = {
  name: "Sales",
  extension: "400",
  strategy: "simultaneous",
  members: [],
  ringSeconds: "20",
};

describe("phone number fields", () => {
  it("stores the number as E.164 and keeps label and caller ID name", () => {
    expect(
      parseFeatureFields("phone_number", {
        number: "(212) 555-0100",
        label: " Main line ",
        callerIdName: "ACME Sales",
      }),
    ).toEqual({
      ok: true,
      value: { number: "+12125550100", label: "Main line", callerIdName: "ACME Sales" },
    });
  });

  it("requires a valid number", () => {
    expect(parseFeatureFields("phone_number", {})).toEqual({
      ok: false,
      fieldErrors: { number: "Enter a phone number." },
    });
    expect(parseFeatureFields("phone_number", { number: "12" })).toEqual({
      ok: false,
      fieldErrors: { number: "Enter a valid phone number, such as +1 212 555 0100." },
    });
  });

  it("limits the caller ID name to 15 plain characters", () => {
    expect(
      parseFeatureFields("phone_number", { number: "+12125550100", callerIdName: "A".repeat(16) }),
    ).toEqual({ ok: false, fieldErrors: { callerIdName: "Use at most 15 characters." } });
    expect(
      parseFeatureFields("phone_number", { number: "+12125550100", callerIdName: "Zoë" }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        callerIdName:
          "Use letters, digits, spaces and punctuation only: caller ID shows plain characters.",
      },
    });
  });
});

describe("device fields", () => {
  it("normalizes a desk phone's MAC address", () => {
    const parsed = parseFeatureFields("device", { ...device, macAddress: "aabb.ccdd.ee00" });
    expect(parsed).toMatchObject({ ok: true, value: { macAddress: "AA:BB:CC:DD:EE:00" } });
  });

  it("requires a MAC address for a desk phone", () => {
    expect(parseFeatureFields("device", { ...device, macAddress: "" })).toEqual({
      ok: false,
      fieldErrors: { macAddress: "Enter the desk phone's MAC address." },
    });
  });

  it("refuses a MAC address for a softphone or mobile instead of dropping it", () => {
    for (const deviceKind of ["softphone", "mobile"]) {
      expect(
        parseFeatureFields("device", { ...device, deviceKind, macAddress: "AABBCCDDEE00" }),
      ).toEqual({
        ok: false,
        fieldErrors: {
          macAddress: "Only desk phones have a MAC address: clear this field or choose Desk phone.",
        },
      });
    }
    expect(parseFeatureFields("device", { ...device, deviceKind: "softphone" })).toMatchObject({
      ok: true,
      value: { macAddress: "" },
    });
  });

  it("reports every problem at once: name, kind and MAC", () => {
    expect(
      parseFeatureFields("device", { deviceKind: "fax", macAddress: "01:00:5e:00:00:01" }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        name: "Enter a device name.",
        deviceKind: "Choose Desk phone, Softphone or Mobile.",
        macAddress:
          "01:00:5E:00:00:01 is a multicast address, not a device's: check the first two digits.",
      },
    });
  });
});

describe("conference room fields", () => {
  it("accepts a room without a PIN and reads the size as a number", () => {
    expect(parseFeatureFields("conference_room", room)).toEqual({
      ok: true,
      value: { name: "Board", extension: "300", pin: "", maxParticipants: 20 },
    });
  });

  it("checks extension, PIN and size", () => {
    expect(
      parseFeatureFields("conference_room", {
        name: "Board",
        extension: "30a",
        pin: "123",
        maxParticipants: "501",
      }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        extension: "Use 1 to 8 digits.",
        pin: "Use 4 to 8 digits.",
        maxParticipants: "Enter a whole number from 2 to 500.",
      },
    });
    expect(
      parseFeatureFields("conference_room", { ...room, extension: "", maxParticipants: "" }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        extension: "Enter an extension.",
        maxParticipants: "Enter the most participants, from 2 to 500.",
      },
    });
  });
});

describe("fax machine fields", () => {
  it("stores the fax number as E.164 and checks the email", () => {
    expect(
      parseFeatureFields("fax_machine", { name: "Front desk", faxNumber: "+44 20 7946 0958" }),
    ).toEqual({
      ok: true,
      value: { name: "Front desk", faxNumber: "+442079460958", emailToFax: "" },
    });
    expect(
      parseFeatureFields("fax_machine", { name: "Fax", faxNumber: "", emailToFax: "nope" }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        faxNumber: "Enter the fax number.",
        emailToFax: "Enter a valid email address.",
      },
    });
  });
});

describe("ring group fields", () => {
  const member = "0b8f6a5e-4d3c-4b2a-9f1e-0d9c8b7a6f5e";

  it("takes one or many members and drops repeats", () => {
    expect(parseFeatureFields("ring_group", { ...ringGroup, members: member })).toMatchObject({
      ok: true,
      value: { members: [member], ringSeconds: 20, strategy: "simultaneous" },
    });
    expect(
      parseFeatureFields("ring_group", { ...ringGroup, members: [member, member, ""] }),
    ).toMatchObject({ ok: true, value: { members: [member] } });
  });

  it("refuses unknown strategies, bad member ids and ring times out of range", () => {
    expect(
      parseFeatureFields("ring_group", {
        ...ringGroup,
        strategy: "random",
        members: ["not-an-id"],
        ringSeconds: "4",
      }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        strategy: "Choose how the group rings.",
        members: "Choose members from the list.",
        ringSeconds: "Enter a whole number from 5 to 300.",
      },
    });
    expect(parseFeatureFields("ring_group", { ...ringGroup, ringSeconds: "12.5" })).toMatchObject({
      ok: false,
      fieldErrors: { ringSeconds: "Enter a whole number from 5 to 300." },
    });
  });
});

describe("voicemail box fields", () => {
  it("requires a mailbox number and a PIN of 4 to 8 digits", () => {
    expect(parseFeatureFields("voicemail_box", { mailboxNumber: "201", pin: "2468" })).toEqual({
      ok: true,
      value: { mailboxNumber: "201", pin: "2468", notificationEmail: "" },
    });
    expect(parseFeatureFields("voicemail_box", { mailboxNumber: "", pin: "" })).toEqual({
      ok: false,
      fieldErrors: { mailboxNumber: "Enter an extension.", pin: "Enter a PIN of 4 to 8 digits." },
    });
    expect(
      parseFeatureFields("voicemail_box", {
        mailboxNumber: "201",
        pin: "123456789",
        notificationEmail: "anna@",
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { pin: "Use 4 to 8 digits.", notificationEmail: "Enter a valid email address." },
    });
  });

  it("lets the edit form leave the PIN empty (kept as it is)", () => {
    expect(featureEditSchemas.voicemail_box.safeParse({ mailboxNumber: "201" }).success).toBe(true);
  });
});

describe("template values", () => {
  it("accepts numbers where text is expected, as resolved attributes may be", () => {
    expect(
      parseFeatureFields("conference_room", { ...room, extension: 300, maxParticipants: 8 }),
    ).toMatchObject({ ok: true, value: { extension: "300", maxParticipants: 8 } });
  });
});
