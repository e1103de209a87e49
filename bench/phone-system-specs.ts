/** One bench instance: how many seats of each sort and features besides theirs. */
export type BenchInstanceSpec = {
  name: string;
  region: string;
  notes: string;
  /** Seats made from Standard User: a softphone, a voicemail box on the seat's extension, a number. */
  templateSeats: number;
  /** Seats made by adding one spare: a desk phone, or a phone number. */
  deskSeats: number;
  numberSeats: number;
  spareNumbers: number;
  spareDesks: number;
  ringGroups: number;
  conferenceRooms: number;
  faxes: number;
  /** Keeps numbers and MAC addresses unique in the account across instances. */
  numberBase: number;
  macPrefix: string;
};

// 10,000 features and 5,000 seats; 20 and 10. Seats average 1.8 features (3 from the template, 1 added).
export const benchInstances: BenchInstanceSpec[] = [
  {
    name: "Bench Big",
    region: "eu-west",
    notes: "Bench: 10,000 features and 5,000 seats.",
    templateSeats: 2000,
    deskSeats: 2000,
    numberSeats: 1000,
    spareNumbers: 600,
    spareDesks: 50,
    ringGroups: 150,
    conferenceRooms: 150,
    faxes: 50,
    numberBase: 442030000000,
    macPrefix: "02:BE:00",
  },
  {
    name: "Bench Small",
    region: "us-east",
    notes: "Bench: a small instance beside the big one.",
    templateSeats: 3,
    deskSeats: 4,
    numberSeats: 3,
    spareNumbers: 2,
    spareDesks: 0,
    ringGroups: 1,
    conferenceRooms: 1,
    faxes: 0,
    numberBase: 442031000000,
    macPrefix: "02:BE:01",
  },
];

export const seatCount = (spec: BenchInstanceSpec) =>
  spec.templateSeats + spec.deskSeats + spec.numberSeats;
