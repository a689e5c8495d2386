/** The text `guildhall help` prints. */
export const USAGE = `Usage: guildhall <command> [options]

Commands:
  serve                 Start the web server (the default; what \`npm start\` runs).
                        Applies migrations; seeds the demo into an empty database
                        unless GUILDHALL_DEMO=0.
  migrate               Apply pending database migrations and list them.
  seed                  Seed the demo organisation into an empty database.
  admin create          Make an organisation admin:
      --email <email>         required
      --username <name>       required
      --name <display name>   defaults to the username
      --password <password>   generated and printed when left out
  export knowledge      Write a community's articles and glossary as Markdown files:
      --community <slug>      required
      --out <folder>          required; must not exist or be empty
  import knowledge <folder>
                        Import such a folder into a community (one transaction;
                        matches articles by title, terms by term):
      --community <slug>      required
      --as <username>         a member; defaults to the longest-standing steward
  import stackexchange <dump-folder>
                        Import a Stack Exchange data dump (XML) into a community
                        (one transaction; re-running adds only what is new):
      --community <slug>      required
      --until <ISO date>      only what was created before this date
      --site <host>           defaults to the folder name (cardano-2021 →
                              cardano.stackexchange.com)
  analytics refresh     Bring the health rollups up to date with the activity
                        stream (serve also does it every 5 minutes).
  analytics rebuild     Empty the health rollups and read the whole stream again.
  eval related          Measure the related-content ranking in a throw-away
                        SQLite database (see docs/related.md):
      --dump <dump-folder>    recall@limit and MRR against the dump's PostLinks
      --semeval <xml file>    or MAP on SemEval-2016 Task 3 (question similarity)
      --limit <n>             ranking depth, default 10
      --method <list>         all (default) or some of title,fields,full,prf
  eval experts          Measure the question-routing ranking by replaying a
                        Stack Exchange dump (see docs/people/routing.md):
      --dump <dump-folder>    P@1, MRR, NDCG@10 and recall@10 against each
                              question's accepted answerer
      --method <list>         all (default) or some of the methods
  help                  Show this help.

Configuration comes from environment variables (PORT, HOST, DATA_DIR,
DATABASE_URL, ...); see README.md.
`;
