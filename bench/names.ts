// Names and titles for the bench data. Surnames are drawn from 1,000 equal slots: common
// ones take several slots, so the distribution is skewed like a real directory's.

/** Searching for this matches about 1% of an account's users (its surname has 10 slots). */
export const commonSurnameFragment = "smith";

// Weights are slots out of 1,000. No other name, title or email part contains "smith".
const commonSurnames: [string, number][] = [
  ["Smith", 10],
  ["Johnson", 8],
  ["Williams", 8],
  ["Brown", 8],
  ["Jones", 7],
  ["Garcia", 7],
  ["Miller", 5],
  ["Davis", 5],
  ["Rodriguez", 5],
  ["Martinez", 5],
  ["Nguyen", 5],
  ["Patel", 5],
  ["Hernandez", 4],
  ["Lopez", 4],
  ["Gonzalez", 4],
  ["Wilson", 4],
  ["Anderson", 4],
  ["Thomas", 4],
  ["Taylor", 4],
  ["Kim", 4],
  ["Moore", 3],
  ["Jackson", 3],
  ["Martin", 3],
  ["Lee", 3],
  ["Perez", 3],
  ["Thompson", 3],
  ["White", 3],
  ["Harris", 3],
  ["Sanchez", 3],
  ["Clark", 3],
  ["Ramirez", 3],
  ["Lewis", 3],
  ["Robinson", 3],
  ["Walker", 3],
  ["Young", 3],
  ["Allen", 3],
  ["King", 3],
  ["Wright", 3],
  ["Scott", 3],
  ["Torres", 3],
  ["Okafor", 3],
  ["Tanaka", 3],
  ["Rossi", 3],
  ["Larsen", 3],
  ["Müller", 3],
  ["Schneider", 3],
  ["Dubois", 3],
  ["Silva", 3],
  ["Kowalski", 3],
  ["Novak", 3],
];

// The long tail: 40 × 20 place-name surnames ("Ashford", "Thornley"), one slot each.
const tailStarts = (
  "Ash Black Brad Brook Cal Carl Chester Craw Dal Dun East Els Fair Fen Glad Green Hal Hart " +
  "Hay Hol Kings Lang Lind Mar Mid Nor Oak Pem Ray Red Ros Sal Stan Stock Sut Thorn Wal " +
  "West Whit Wood"
).split(" ");
const tailEnds = (
  "ford wood ley ton field well by ham wick more dale worth stead cliff bury hurst combe " +
  "brook land shaw"
).split(" ");

function surnameSlots(): string[] {
  const slots = commonSurnames.flatMap(([name, weight]) => Array<string>(weight).fill(name));
  for (const start of tailStarts) for (const end of tailEnds) slots.push(`${start}${end}`);
  // One slot is 0.1% of the users: the weights above are per mille only while this holds.
  if (slots.length !== 1000) throw new Error(`Surname slots number ${slots.length}, not 1000.`);
  return slots;
}

export const surnames = surnameSlots();

export const firstNames = (
  "Olivia Liam Emma Noah Ava Mateo Priya Kenji Sofia Lucas Isabella Ethan Mia James Amelia " +
  "Benjamin Harper Elijah Evelyn Oliver Aisha Omar Fatima Yusuf Mei Wei Hana Haruto Ananya " +
  "Arjun Chloe Daniel Grace Henry Ivy Jack Zoe Leo Nora Samuel Lucia Diego Camila Javier " +
  "Valentina Santiago Elena Pablo Marta Hugo Freya Oscar Astrid Nils Ingrid Lars Sakura Ren " +
  "Yuki Sora Chidi Ngozi Emeka Adaeze Kwame Ama Tariq Layla Rania Karim Anna Jan Eva Piotr " +
  "Zofia Tomas Klara Lukas Lena Felix Ruth Paul Sarah Michael Laura David Rachel Simon " +
  "Helen Mark Julia Adam Alice Peter Clara Victor Rosa Ivan Maya Theo"
).split(" ");

export const titles = [
  "Account Manager",
  "Support Engineer",
  "Sales Representative",
  "Team Lead",
  "Developer",
  "Operations Analyst",
  "Office Manager",
  "Accountant",
  "Recruiter",
  "Product Manager",
  "Customer Success Manager",
  "Network Engineer",
  "Designer",
  "Technician",
  "",
];

export const colors = [
  "#4f46e5",
  "#0891b2",
  "#059669",
  "#d97706",
  "#dc2626",
  "#7c3aed",
  "#db2777",
  "",
];
