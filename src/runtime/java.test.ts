import { describe, expect, it } from 'vitest';
import { findJava, parseMajor } from './java.ts';

describe('parseMajor', () => {
  it.each([
    ['1.8.0_392', 8],
    ['11.0.21', 11],
    ['17.0.15', 17],
    ['21', 21],
    ['25-ea', 25],
  ])('reads %s as Java %i', (version, major) => {
    expect(parseMajor(version)).toBe(major);
  });
});

describe('findJava', () => {
  it('finds this machine\'s Java, 17 or newer', async () => {
    const java = await findJava();
    expect(java.major).toBeGreaterThanOrEqual(17);
  });

  it('gives JAVA_MISSING when JAVA_HOME points nowhere', async () => {
    await expect(findJava({ JAVA_HOME: '/nonexistent-jdk' })).rejects.toMatchObject({
      code: 'JAVA_MISSING',
      message: 'Java was not found, and the local Neo4j needs Java 17 or 21: install a JDK (for example `apt-get install openjdk-17-jdk-headless`) or set JAVA_HOME, or set NEO4J_URI to a Neo4j that is already running.',
    });
  });
});
