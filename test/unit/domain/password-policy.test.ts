import { PASSWORD_POLICY, passwordProblems } from '../../../src/domain/password-policy';

describe('password policy', () => {
  it('accepts a long password mixing three classes that does not contain the login', () => {
    expect(passwordProblems('Qiao-shan2027', 'anweiban')).toEqual([]);
  });

  it('names each problem in Chinese: length, classes, the login inside it', () => {
    expect(passwordProblems('short1', 'x')).toEqual(['密码至少10个字符。', '密码应至少包含小写字母、大写字母、数字、其他符号中的3类。']);
    expect(passwordProblems('ANWEIBAN-2027x', 'anweiban')).toEqual(['密码不能包含用户名。']);
    expect(passwordProblems('a'.repeat(120) + 'B1-'.repeat(3), 'x')).toEqual(['密码不超过128个字符。']);
  });

  it('counts characters, not bytes, and treats Chinese characters as another class', () => {
    expect(passwordProblems('峄城区安全生产ab1', 'x')).toEqual([]);
    expect(passwordProblems('峄城区安全生产a1', 'x')).toEqual(['密码至少10个字符。']);
  });

  it('refuses a forbidden password such as the published demo password', () => {
    const policy = { ...PASSWORD_POLICY, forbidden: ['Yc@2026demo-x'] };
    expect(passwordProblems('Yc@2026demo-x', 'admin', policy)).toEqual(['不能使用公开的演示密码。']);
    expect(passwordProblems('Yc@2026demo-x', 'admin')).toEqual([]);
  });
});
