/**
 * Function words of English and Russian, which tell nothing about which event a passage tells;
 * general lists, not drawn from the bundled texts.
 */
const ENGLISH = `a about above after again against all almost also although always am among an and another any are as at
be because been before being below between both but by can could did do does doing done down during each either even
ever every few for from further had has have having he her here hers herself him himself his how however i if in into
is it its itself just least less like made make many may me might more most much must my myself neither never no nor
not now of off often on once one only or other others our ours ourselves out over own per perhaps rather same several
shall she should since so some still such than that the their theirs them themselves then there these they this
those though through thus to too toward towards under until up upon us very was we were what when where whether which
while who whom whose why will with within without would yet you your yours yourself yourselves mr`;

const RUSSIAN = `а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его
ее ей ему если есть еще же за здесь и из или им их к как ко когда кто ли либо между меня мне может мы на над надо не
него нее нет ни них но ну о об однако он она они оно от очень по под после при с со так также такой там те тем то того
тоже той только том ты у уже хотя чего чей чем что чтобы чье чья эта эти это этого этой этом этот я который которая
которое которые которого которой котором которым которых свой своя свое свои своего своей своих сам сама само сами
самый себя себе ним ней ею нею всё ещё её`;

export const STOPWORDS: ReadonlySet<string> = new Set([...ENGLISH.split(/\s+/), ...RUSSIAN.split(/\s+/)].map((word) => word.replaceAll('ё', 'е')));
