import { Text } from "@react-email/text";
import { styles } from "./layout";

/** "Hello Ada," or, without a name, "Hello,". */
export function Greeting({ name }: { name: string }) {
  return <Text style={styles.paragraph}>{name ? `Hello ${name},` : "Hello,"}</Text>;
}
