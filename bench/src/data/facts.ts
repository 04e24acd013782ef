/** A person who signs in with a phone number and a password. */
export interface Credentials {
  phone: string;
  password: string;
}

/** What the workload needs to know about the data the subgraphs hold. */
export interface DataFacts {
  /** Where the data came from, for the results: e.g. "demo seeds" or "city seed 1, 100,000 residents". */
  description: string;
  residents: Credentials[];
  /** Department staff who see an inbox; they sign in with a TOTP code. */
  staff: (Credentials & { totpSecret: string; department: string })[];
  /** Service items whose guide the mix opens. */
  serviceCodes: string[];
  /** What residents type into the search box. */
  searchTerms: string[];
  /** Where residents look for nearby service points. */
  places: { latitude: number; longitude: number }[];
  /** Seconds it took to make the data (0 when it came from the cache). */
  loadSeconds: number;
}
