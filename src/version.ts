/** fingraph's version, written into every manifest. A unit test keeps it equal to package.json. */
export const VERSION = '0.1.0';
