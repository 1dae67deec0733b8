import { describe, expect, it } from 'vitest';
import { option, parseSshConfig, pickHost, renderSshConfig, shellQuote } from '../../../src/target/vagrant-ssh-config.ts';
import { runCommand } from '../../../src/process/spawn.ts';

// What `vagrant ssh-config` printed for vagrant/Vagrantfile's docker provider on this project's CI machine.
const DOCKER_PROVIDER = `Host default
  HostName 127.0.0.1
  User vagrant
  Port 2222
  UserKnownHostsFile /dev/null
  StrictHostKeyChecking no
  PasswordAuthentication no
  IdentityFile /work/main/vagrant/.vagrant/machines/default/docker/private_key
  IdentitiesOnly yes
  LogLevel FATAL

`;

// A multi-machine Vagrantfile on a laptop: quoted paths with spaces, two keys, Key=Value and comments.
const MULTI = `# written by vagrant
Host lab
  HostName 127.0.0.1
  User vagrant
  Port 2200
  IdentityFile "/Users/ada lovelace/steplab/vagrant/.vagrant/machines/lab/virtualbox/private_key"
  IdentityFile /Users/ada/.vagrant.d/insecure_private_keys/vagrant.key.ed25519
  PubkeyAcceptedKeyTypes=+ssh-rsa

Host other
  HostName 192.0.2.7
  Port 22
`;

describe('parseSshConfig', () => {
  it('reads the docker provider output into one host with its options', () => {
    const [host, ...rest] = parseSshConfig(DOCKER_PROVIDER);
    expect(rest).toEqual([]);
    expect(host?.alias).toBe('default');
    expect(option(host!, 'HostName')).toBe('127.0.0.1');
    expect(option(host!, 'port')).toBe('2222');
    expect(option(host!, 'IdentityFile')).toBe('/work/main/vagrant/.vagrant/machines/default/docker/private_key');
    expect(option(host!, 'LogLevel')).toBe('FATAL');
  });

  it('keeps every IdentityFile, unquotes paths with spaces and reads Key=Value', () => {
    const hosts = parseSshConfig(MULTI);
    expect(hosts.map((h) => h.alias)).toEqual(['lab', 'other']);
    expect(hosts[0]?.options.get('identityfile')).toEqual([
      '/Users/ada lovelace/steplab/vagrant/.vagrant/machines/lab/virtualbox/private_key',
      '/Users/ada/.vagrant.d/insecure_private_keys/vagrant.key.ed25519',
    ]);
    expect(option(hosts[0]!, 'PubkeyAcceptedKeyTypes')).toBe('+ssh-rsa');
    expect(option(hosts[1]!, 'User')).toBeUndefined();
  });

  it('finds nothing in vagrant prose (a machine that is not up)', () => {
    expect(parseSshConfig('The provider for this Vagrant-managed machine is reporting that it\nis not yet ready for SSH.')).toEqual([]);
  });
});

describe('pickHost', () => {
  it('takes the only host, or the named one, and refuses to guess between several', () => {
    expect(pickHost(parseSshConfig(DOCKER_PROVIDER))?.alias).toBe('default');
    expect(pickHost(parseSshConfig(MULTI), 'other')?.alias).toBe('other');
    expect(pickHost(parseSshConfig(MULTI))).toBeUndefined();
    expect(pickHost(parseSshConfig(MULTI), 'missing')).toBeUndefined();
  });
});

describe('renderSshConfig', () => {
  it('writes the host under a new alias with our options first and Vagrant’s own kept', () => {
    const host = pickHost(parseSshConfig(MULTI), 'lab')!;
    const text = renderSshConfig(host, 'steplab-vagrant', { ControlMaster: 'auto', LogLevel: 'ERROR' });
    const lines = text.trim().split('\n').map((l) => l.trim());
    expect(lines[0]).toBe('Host steplab-vagrant');
    expect(lines.slice(1, 3)).toEqual(['ControlMaster auto', 'LogLevel ERROR']);
    expect(lines).toContain('identityfile "/Users/ada lovelace/steplab/vagrant/.vagrant/machines/lab/virtualbox/private_key"');
    expect(lines).toContain('port 2200');
    // Read back, it is the same host with our additions.
    const again = parseSshConfig(text)[0]!;
    expect(again.options.get('identityfile')).toEqual(host.options.get('identityfile'));
    expect(option(again, 'controlmaster')).toBe('auto');
  });

  it('replaces an option Vagrant set when we set it too', () => {
    const host = pickHost(parseSshConfig(DOCKER_PROVIDER))!;
    const again = parseSshConfig(renderSshConfig(host, 'x', { LogLevel: 'ERROR' }))[0]!;
    expect(again.options.get('loglevel')).toEqual(['ERROR']);
  });
});

describe('shellQuote', () => {
  it('passes every argument through a POSIX shell unchanged', async () => {
    const args = ['plain', 'two words', "it's", '$HOME `id` $(id)', 'a\nb', '', '--flag=x', '*'];
    const r = await runCommand('sh', ['-c', `printf '%s\\0' ${args.map(shellQuote).join(' ')}`]);
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(args);
  });

  it('leaves safe words bare so commands stay readable in logs', () => {
    expect(shellQuote('nsenter')).toBe('nsenter');
    expect(shellQuote('-t')).toBe('-t');
    expect(shellQuote('a b')).toBe("'a b'");
  });
});
